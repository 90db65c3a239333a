import { decidedBy, slots } from '../../helpers/reading';

// The kind of answer asked for: rules, an explanation of a mode, help; everything; start over.
describe('The ask-frame refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["how do I open the firewall for the edge server?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["how does the edge server talk to the IO server?", {"status":"answered","intent":"pair","ask":"rules","components":["edge-server>",">io-server"]}],
    ["how many ports does the edge server need?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["what is occasional BOI?", {"status":"answered","intent":"explain","ask":"explain","modes":["occasional-boi"]}],
    ["why do we allow 8080 to the dedupe server?", {"status":"answered","intent":"component","ask":"rules","components":[">dedupe-server"],"ports":["8080"]}],
    ["whats required for boi", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi","occasional-boi"],"fragment":true}],
    ["What is meant by exclusive Backup Over Internet?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["remind me what exclusive boi is?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["non-boi = ? in dlo terms", {"status":"answered","intent":"explain","ask":"explain","modes":["non-boi"]}],
    ["What rides on 443 for DLO?", {"status":"answered","intent":"port","ask":"rules","ports":["443"]}],
    ["Can someone tell me which ports the file share where the DLO backups land (the storage location) needs to accept? Everyone's on-site, we don't do BOI.", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["storage-location"]}],
    ["In exclusive BOI, what does the 'exclusive' refer to?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["Hi, IT manager here, not a firewall person. What is 'Exclusive BOI Deployment' supposed to describe?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["Our 200 engineers are in the office every day and their desktops never leave the building. Which DLO deployment type is that?", {"status":"answered","intent":"explain","ask":"explain","modes":["non-boi (described)"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"how do I open the firewall for the edge server?\"", () => {
    expect(decidedBy("how do I open the firewall for the edge server?")).toContain("ask frame");
  });
});

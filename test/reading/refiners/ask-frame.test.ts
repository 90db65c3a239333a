import { decidedBy, slots } from '../../helpers/reading';

// What the question asks for, and whether the matrix holds it.
describe('The ask-frame refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Which SQL Server versions can host the DLO database?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["sql-server"],"topic":"versions"}],
    ["How do I configure the dedupe server to listen on a different port?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"change","components":[">dedupe-server"],"topic":"How do I configure"}],
    ["how do I open the firewall for the edge server?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["how does the edge server talk to the IO server?", {"status":"answered","intent":"pair","ask":"rules","components":["edge-server>",">io-server"]}],
    ["roughly how long does a full backup take over BOI?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","modes":["exclusive-boi","occasional-boi"],"everything":true,"topic":"how long does"}],
    ["how many ports does the edge server need?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["where does the admin server write its log files?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["admin-server"],"topic":"log files"}],
    ["what does the edge server do?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["edge-server"],"topic":"what does the edge server do"}],
    ["what is the edge server?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["edge-server"],"topic":"what is the edge server"}],
    ["what is occasional BOI?", {"status":"answered","intent":"explain","ask":"explain","modes":["occasional-boi"]}],
    ["what's the weather in Paris?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","topic":"the weather","fragment":true}],
    ["Can DLO clients run on macOS?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["dlo-clients"],"topic":"macOS"}],
    ["why do we allow 8080 to the dedupe server?", {"status":"answered","intent":"component","ask":"rules","components":[">dedupe-server"],"ports":["8080"]}],
    ["install steps for the maintenance server pls", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["maintenance-server"],"topic":"install steps"}],
    ["can i put the edge box behind an f5 load balancer", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["edge-server"],"topic":"f5"}],
    ["How many clients can a single IO server handle in occasional BOI?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","modes":["occasional-boi"],"components":["io-server"],"topic":"How many clients"}],
    ["whats required for boi", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi","occasional-boi"],"fragment":true}],
    ["What is meant by exclusive Backup Over Internet?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["remind me what exclusive boi is?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["non-boi = ? in dlo terms", {"status":"answered","intent":"explain","ask":"explain","modes":["non-boi"]}],
    ["What rides on 443 for DLO?", {"status":"answered","intent":"port","ask":"rules","ports":["443"]}],
    ["quick question: sever is dlo administration console", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["admin-console"],"topic":"sever"}],
    ["Can someone tell me which ports the file share where the DLO backups land (the storage location) needs to accept? Everyone's on-site, we don't do BOI.", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["storage-location"]}],
    ["In exclusive BOI, what does the 'exclusive' refer to?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
    ["Hi, IT manager here, not a firewall person. What is 'Exclusive BOI Deployment' supposed to describe?", {"status":"answered","intent":"explain","ask":"explain","modes":["exclusive-boi"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Which SQL Server versions can host the DLO database?\"", () => {
    expect(decidedBy("Which SQL Server versions can host the DLO database?")).toContain("ask frame");
  });
});

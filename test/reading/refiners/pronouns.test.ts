import { decidedBy, slots } from '../../helpers/reading';

// What a pronoun at an end of the question stands for, or a question back.
describe('The pronouns refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["The edge box is internet-facing in the DMZ. What's allowed in to it from the clients?", {"status":"answered","intent":"pair","ask":"rules","components":[">edge-server","dlo-clients>"]}],
    ["Our dedupe server is internal, on the LAN. In occasional BOI what does the edge in the DMZ need to reach it?", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi"],"components":[">dedupe-server","edge-server>"]}],
    ["Do I need TCP or UDP for that one?", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"check","transports":["tcp","udp"],"vagueNoun":"that one","fragment":true}],
    ["Our DLO clients: what they need to reach, and what is reaching them, in occasional BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["dlo-clients"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"The edge box is internet-facing in the DMZ. What's allowed in to it from the clients?\"", () => {
    expect(decidedBy("The edge box is internet-facing in the DMZ. What's allowed in to it from the clients?")).toContain("pronouns");
  });
});

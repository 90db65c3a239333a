import { decidedBy, slots } from '../../helpers/reading';

// The modes all the evidence leaves when no change was read, and a change that starts.
describe('The modes refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what changes if our laptops start working from home some days?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi"}],
    ["list all rules for exclusive BOI", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"],"everything":true}],
    ["what does the admin server need in any mode except non-BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (remaining)","occasional-boi (remaining)"],"components":["admin-server"]}],
    ["our laptops are always remote and we use occasional BOI: what does the edge need?", {"status":"clarify","intent":"help","reason":"conflicting-modes","ask":"rules","modes":["occasional-boi (described)","exclusive-boi (described)"],"components":["edge-server"],"readings":["component: edge-server, occasional-boi","component: edge-server, exclusive-boi"]}],
    ["some of our people are remote. what do I need?", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"readings":["mode: exclusive-boi","mode: occasional-boi"],"fragment":true}],
    ["what should I open on the firewall when people start working from home?", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"readings":["mode: exclusive-boi","mode: occasional-boi"],"fragment":true}],
    ["which rules apply to the remote stuff?", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"readings":["mode: exclusive-boi","mode: occasional-boi"],"fragment":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what changes if our laptops start working from home some days?\"", () => {
    expect(decidedBy("what changes if our laptops start working from home some days?")).toContain("modes");
  });
});

import { decidedBy, slots } from '../../helpers/reading';

// Fragments of a conversation against questions that stand on their own.
describe('The fragment refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["and in occasional?", {"status":"answered","intent":"mode","ask":"rules","modes":["occasional-boi"],"fragment":true}],
    ["only inbound", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","direction":"in","fragment":true}],
    ["as CSV", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","format":"csv","fragment":true}],
    ["what about the IO server?", {"status":"answered","intent":"component","ask":"rules","components":["io-server"],"fragment":true}],
    ["the edge server", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["UDP ports", {"status":"answered","intent":"port","ask":"rules","transports":["udp"]}],
    ["what changes from non-BOI to exclusive BOI?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"and in occasional?\"", () => {
    expect(decidedBy("and in occasional?")).toContain("fragment");
  });
});

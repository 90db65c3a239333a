import { decidedBy, slots } from '../../helpers/reading';

// The ends into the Query: between, each on its own, or a generic noun that needs a name.
describe('The component-ends refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what does the server need in exclusive BOI", {"status":"clarify","intent":"help","reason":"which-component","ask":"rules","modes":["exclusive-boi"],"vagueNoun":"server","fragment":true}],
    ["I need not only the Edge Server's inbound ports but also the IO Server's, exclusive BOI.", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server","io-server"],"apart":true,"direction":"in"}],
    ["what do both storage locations need in non-BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["storage-location","dedupe-storage-location"],"apart":true}],
    ["which ports are between the two storage locations", {"status":"answered","intent":"pair","ask":"rules","components":["storage-location","dedupe-storage-location"]}],
    ["what's needed inbound on both storage locations in non-boi", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["storage-location","dedupe-storage-location"],"apart":true,"direction":"in"}],
    ["what does the storage need", {"status":"clarify","intent":"help","reason":"which-component","ask":"rules","vagueNoun":"storage","fragment":true}],
    ["what ports are needed between the server and the clients?", {"status":"clarify","intent":"help","reason":"which-component","ask":"rules","vagueNoun":"server","fragment":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what does the server need in exclusive BOI\"", () => {
    expect(decidedBy("what does the server need in exclusive BOI")).toContain("component ends");
  });
});

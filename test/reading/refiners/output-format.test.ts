import { decidedBy, slots } from '../../helpers/reading';

// The format the rules are wanted in.
describe('The output-format refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["export the exclusive BOI rules as CSV", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"],"format":"csv"}],
    ["dump the occasional BOI rules as JSON", {"status":"answered","intent":"mode","ask":"rules","modes":["occasional-boi"],"format":"json"}],
    ["powershell for the edge server in occasional BOI", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["edge-server"],"format":"powershell"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"export the exclusive BOI rules as CSV\"", () => {
    expect(decidedBy("export the exclusive BOI rules as CSV")).toContain("output format");
  });
});

import { decidedBy, slots } from '../../helpers/reading';

// The modes the question names: a mode, the BOI group, negated, or the ends of a change.
describe('The mode-names refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["edge server ports for BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["edge-server"]}],
    ["what ports does the dedup server use, BOI only", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["dedupe-server"]}],
    ["Need everything involving the dedupe server for BOI (we haven't decided exclusive vs occasional yet)", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["dedupe-server"],"everything":true}],
    ["For every mode except exclusive BOI, which rules involve the DLO clients?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)","occasional-boi (remaining)"],"components":["dlo-clients"]}],
    ["if we're not doing BOI, what does the SQL server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)"],"components":["sql-server"]}],
    ["what changes if we move to exclusive BOI?", {"status":"clarify","intent":"help","reason":"diff-needs-two-modes","ask":"change","modes":["exclusive-boi"],"fragment":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"edge server ports for BOI\"", () => {
    expect(decidedBy("edge server ports for BOI")).toContain("mode names");
  });
});

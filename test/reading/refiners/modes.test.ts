import { decidedBy, slots } from '../../helpers/reading';

// Names, negated names and descriptions combine into the modes, or a change, or a question back.
describe('The modes refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what changes if our laptops start working from home some days?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi"}],
    ["what changes if we move to exclusive BOI?", {"status":"clarify","intent":"help","reason":"diff-needs-two-modes","ask":"change","modes":["exclusive-boi"],"fragment":true}],
    ["Today everyone is in the office; next year they will work from home some days. Which ports will the SQL Server need?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["sql-server"]}],
    ["Today everyone is in the office; next year they will work from home some days. Which ports does the SQL Server need?", {"status":"clarify","intent":"help","reason":"vague-change","ask":"rules","components":["sql-server"],"readings":["diff: sql-server, non-boi, occasional-boi","component: sql-server, occasional-boi"]}],
    ["edge server ports for BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["edge-server"]}],
    ["what ports does the dedup server use, BOI only", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["dedupe-server"]}],
    ["Need everything involving the dedupe server for BOI (we haven't decided exclusive vs occasional yet)", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":["dedupe-server"],"everything":true}],
    ["For every mode except exclusive BOI, which rules involve the DLO clients?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)","occasional-boi (remaining)"],"components":["dlo-clients"]}],
    ["exclusive BOI to occasional BOI: what's different?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > occasional-boi"}],
    ["our users are always remote. what does the edge server need in non-BOI?", {"status":"clarify","intent":"help","reason":"conflicting-modes","ask":"rules","modes":["non-boi (described)","exclusive-boi (described)"],"components":["edge-server"],"readings":["mode: edge-server, non-boi","mode: edge-server, exclusive-boi"]}],
    ["We're all on-prem at the moment (nobody ever leaves the office); we might go BOI next year, but for now what does the admin server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["admin-server"]}],
    ["During COVID we were exclusive BOI; now everyone is back in the office. What does the IO server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["io-server"]}],
    ["We were non-BOI until 2022, went hybrid last year, and from next year we'll be remote-only. What changes from now to next year?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["We used to be in the office always, now everyone is permanently remote. Any change for port 443?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi","ports":["443"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what changes if our laptops start working from home some days?\"", () => {
    expect(decidedBy("what changes if our laptops start working from home some days?")).toContain("modes");
  });
});

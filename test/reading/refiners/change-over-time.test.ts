import { decidedBy, slots } from '../../helpers/reading';

// A deployment told over time: the change from the first to the last, or the deployment the question asks of.
describe('The change-over-time refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Today everyone is in the office; next year they will work from home some days. Which ports will the SQL Server need?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["sql-server"]}],
    ["Today everyone is in the office; next year they will work from home some days. Which ports does the SQL Server need?", {"status":"clarify","intent":"help","reason":"vague-change","ask":"rules","components":["sql-server"],"readings":["diff: sql-server, non-boi, occasional-boi","component: sql-server, occasional-boi"]}],
    ["We're all on-prem at the moment (nobody ever leaves the office); we might go BOI next year, but for now what does the admin server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["admin-server"]}],
    ["During COVID we were exclusive BOI; now everyone is back in the office. What does the IO server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["io-server"]}],
    ["We were non-BOI until 2022, went hybrid last year, and from next year we'll be remote-only. What changes from now to next year?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["We used to be in the office always, now everyone is permanently remote. Any change for port 443?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi","ports":["443"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Today everyone is in the office; next year they will work from home some days. Which ports will the SQL Server need?\"", () => {
    expect(decidedBy("Today everyone is in the office; next year they will work from home some days. Which ports will the SQL Server need?")).toContain("change over time");
  });
});

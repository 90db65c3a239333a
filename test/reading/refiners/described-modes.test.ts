import { decidedBy, slots } from '../../helpers/reading';

// The mode a described deployment gives, by the document's definitions, or a question back.
describe('The described-modes refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["our users are always remote. what does the edge server need in non-BOI?", {"status":"clarify","intent":"help","reason":"conflicting-modes","ask":"rules","modes":["non-boi (described)","exclusive-boi (described)"],"components":["edge-server"],"readings":["component: edge-server, non-boi","component: edge-server, exclusive-boi"]}],
    ["ports for the IO server, our devices never leave the building", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["io-server"]}],
    ["what does the SQL Server need when our laptops are sometimes at home?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["sql-server"]}],
    ["half our staff are permanently remote, the other half never leave the office. which rules for the sql instance?", {"status":"clarify","intent":"help","reason":"conflicting-modes","ask":"rules","components":["sql-server"],"readings":["component: sql-server, exclusive-boi","component: sql-server, non-boi"]}],
    ["what does the edge box need for our road warriors", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"components":["edge-server"],"readings":["component: edge-server, exclusive-boi","component: edge-server, occasional-boi"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"our users are always remote. what does the edge server need in non-BOI?\"", () => {
    expect(decidedBy("our users are always remote. what does the edge server need in non-BOI?")).toContain("described modes");
  });
});

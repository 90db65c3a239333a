import { decidedBy, slots } from '../../helpers/reading';

// A word no refiner took: set aside when harmless, "I don't know" when it may be what is asked about.
describe('The leftovers refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Exchange ports for the SQL server", {"status":"unknown","intent":"help","reason":"foreign-subject","ask":"rules","components":["sql-server"],"foreign":["Exchange"]}],
    ["which ports does the IO server need, urgentish", {"status":"unknown","intent":"help","reason":"foreign-subject","ask":"rules","components":["io-server"],"foreign":["urgentish"]}],
    ["INC0087321 - user reports failed backups. Which ports does the edge server listen on in exclusive BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":[">edge-server"]}],
    ["Netsec flagged UDP 1434 on our SQL box (INC0048812). What in DLO uses it?", {"status":"answered","intent":"component","ask":"rules","components":[">sql-server"],"ports":["1434"],"transports":["udp"]}],
    ["which secure ports does the edge server use?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["edge-server"],"topic":"secure ports"}],
    ["We also run Veeam. What does the edge server need?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Exchange ports for the SQL server\"", () => {
    expect(decidedBy("Exchange ports for the SQL server")).toContain("leftovers");
  });
});

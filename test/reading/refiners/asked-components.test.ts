import { decidedBy, slots } from '../../helpers/reading';

// Which of the named components are asked about: the question's own, or the statement's.
describe('The asked-components refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["We have a dedupe server in the DMZ. What does the edge server need?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["The storage location of the installer is on the admin server. Which ports does push installation need?", {"status":"answered","intent":"service","ask":"rules","services":["push-install"]}],
    ["Admin server and SQL are on separate VLANs (10 and 20). Which TCP ports between them?", {"status":"answered","intent":"pair","ask":"rules","components":["admin-server","sql-server"],"transports":["tcp"]}],
    ["The IO server will go in the DMZ next to the edge server. Between those two, which ports?", {"status":"answered","intent":"pair","ask":"rules","components":["io-server","edge-server"]}],
    ["list the ports from the dedupe server to the storage locations (both the normal one and the dedupe one)", {"status":"answered","intent":"pair","ask":"rules","components":["dedupe-server>",">storage-location",">dedupe-storage-location"]}],
    ["What runs on 139 in exclusive BOI? Only the flows into SQL Server, please.", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":[">sql-server"],"ports":["139"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"We have a dedupe server in the DMZ. What does the edge server need?\"", () => {
    expect(decidedBy("We have a dedupe server in the DMZ. What does the edge server need?")).toContain("asked components");
  });
});

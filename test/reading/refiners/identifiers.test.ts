import { decidedBy, slots } from '../../helpers/reading';

// Ticket ids, dates, versions and counts are no ports; a port word glued to a number is.
describe('The identifiers refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["INC0012345 ports for the edge server", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["CHG-2231: which ports does the IO server need in exclusive BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["io-server"]}],
    ["SR#61905 - does anything use 7080 in non-BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi"],"ports":["7080"]}],
    ["we're on DLO 9.6 - what ports does the maintenance server use?", {"status":"answered","intent":"component","ask":"rules","components":["maintenance-server"]}],
    ["edge server ports on Windows Server 2019 in exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"]}],
    ["IO server ports, 2 servers, exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["io-server"]}],
    ["Due 2025-03-31: edge server firewall rules for exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"]}],
    ["the CAB meets on 14/11: what changes from non-BOI to exclusive BOI?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi"}],
    ["tcp1433 from the clients", {"status":"answered","intent":"component","ask":"rules","components":["dlo-clients>"],"ports":["1433"],"transports":["tcp"]}],
    ["ELI5 what uses port 445", {"status":"answered","intent":"port","ask":"rules","ports":["445"]}],
    ["veeam12 ports for the SQL server", {"status":"unknown","intent":"help","reason":"foreign-subject","ask":"rules","components":["sql-server"],"foreign":["veeam"]}],
    ["Is TLS 1.2 required on the edge server?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":[">edge-server"],"protocols":["HTTPS"],"topic":"TLS 1.2"}],
    ["priority 2: the dedupe server's outbound ports in occasional BOI", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["dedupe-server"],"direction":"out"}],
    ["we have ~1200 laptops: what do the clients need in non-BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["dlo-clients"]}],
    ["Admin server and SQL are on separate VLANs (10 and 20). Which TCP ports between them?", {"status":"answered","intent":"pair","ask":"rules","components":["admin-server","sql-server"],"transports":["tcp"]}],
    ["All 443 of our staff work from home. What does the edge server need?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["edge-server"]}],
    ["Once we go exclusive, is there still a need for 1433 from the clients?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":["dlo-clients>"],"ports":["1433"]}],
    ["ticket 7009-22: which ports does the edge server need in non-BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["edge-server"]}],
    ["Isn't it the case that 8009 isn't needed in non-BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi"],"ports":["8009"]}],
    ["CHG0048812 - new DLO Dedupe Server DEDUP-FRA-01 (10.12.40.15) go-live on 14.06, 2 x 4 TB disks. Which ports are relevant for the dedupe server in a non-BOI deployment?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["dedupe-server"]}],
    ["FW change CR-7781 asks to delete rule 'DLO-Maint-to-SQL 445' (created 2021, 0 hits last 30 days). Does the maintenance server need 445 to the SQL Server?", {"status":"answered","intent":"check","ask":"check","components":["maintenance-server",">sql-server"],"ports":["445"],"reversed":true}],
    ["Checkpoint log: 2024-08-06 11:02:17 drop src 10.50.2.14 sport 52311 dst 10.50.1.7 dport 8009 proto tcp. Source is DLO Edge Server, destination is DLO Dedupe Server, we have the occasional BOI. Should this be permitted?", {"status":"answered","intent":"check","ask":"check","modes":["occasional-boi"],"components":["edge-server>",">dedupe-server"],"ports":["8009"],"transports":["tcp"],"reversed":true}],
    ["Reviewing a CR, line 4 says 'permit tcp 8009 edge server -> dedupe server'. Is that a real DLO requirement for occasional BOI?", {"status":"answered","intent":"check","ask":"check","modes":["occasional-boi"],"components":["edge-server",">dedupe-server"],"ports":["8009"],"transports":["tcp"]}],
    ["Complete port matrix for occasional BOI please, it's for change CHG-30412", {"status":"answered","intent":"mode","ask":"rules","modes":["occasional-boi"],"everything":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"INC0012345 ports for the edge server\"", () => {
    expect(decidedBy("INC0012345 ports for the edge server")).toContain("identifiers");
  });
});

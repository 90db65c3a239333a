import { decidedBy, slots } from '../../helpers/reading';

// A negated mode, component, service, condition or port is left out; a fault ("can't reach") or the question's own "not" is not.
describe('The negation refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["We don't do BOI at all. What's open on the admin server?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)"],"components":[">admin-server"]}],
    ["backup over internet isn't used here. which ports does the edge server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)"],"components":["edge-server"]}],
    ["We're not running exclusive BOI. What does the IO server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)","occasional-boi (remaining)"],"components":["io-server"]}],
    ["all rules except the clients in exclusive BOI", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"],"exclusions":["component:dlo-clients"],"everything":true}],
    ["The IO server is out of the picture for us. What does the edge server need in exclusive BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"],"exclusions":["component:io-server"]}],
    ["Leaving non-BOI out, which rules use port 1434?", {"status":"answered","intent":"port","ask":"rules","modes":["exclusive-boi (remaining)","occasional-boi (remaining)"],"ports":["1434"]}],
    ["We don't use named pipes for SQL Server communication. What does the SQL Server need in non-BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["sql-server"],"exclusions":["condition:named-pipes"]}],
    ["P1/Sev2: Win11 laptops can't reach SQL. What are the ports from the DLO clients to SQL Server in non-BOI?", {"status":"answered","intent":"pair","ask":"rules","modes":["non-boi"],"components":["dlo-clients>",">sql-server"]}],
    ["is 1433 not needed in exclusive BOI?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"ports":["1433"]}],
    ["rules for the edge server apart from anything to do with the web restore machine, occasional boi", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["edge-server"],"exclusions":["component:web-restore-machine"]}],
    ["HTTP (not HTTPS) ports", {"status":"answered","intent":"port","ask":"rules","protocols":["HTTP"],"exclusions":["protocol:HTTPS"]}],
    ["SQL server ports, BOI disabled", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)"],"components":["sql-server"]}],
    ["Is TCP 445 needed inbound on the admin server if we don't use BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi (remaining)"],"components":[">admin-server"],"direction":"in","ports":["445"],"transports":["tcp"]}],
    ["What does the SQL server need, leaving the DLO clients out of it?", {"status":"answered","intent":"component","ask":"rules","components":["sql-server"],"exclusions":["component:dlo-clients"]}],
    ["what does the dedupe server need, but not for exclusive BOI, and leave the clients out of it", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)","occasional-boi (remaining)"],"components":["dedupe-server"],"exclusions":["component:dlo-clients"]}],
    ["Every non-BOI rule, minus the ones where the DLO clients are one of the endpoints", {"status":"answered","intent":"mode","ask":"rules","modes":["non-boi"],"exclusions":["component:dlo-clients"]}],
    ["Which rules in exclusive BOI don't involve the SQL server?", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"],"exclusions":["component:sql-server"]}],
    ["Is tcp 7009 used anywhere outside exclusive BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi (remaining)","occasional-boi (remaining)"],"ports":["7009"],"transports":["tcp"]}],
    ["Can the maintenance server do without 1434?", {"status":"answered","intent":"check","ask":"check","components":["maintenance-server"],"ports":["1434"],"reversed":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"We don't do BOI at all. What's open on the admin server?\"", () => {
    expect(decidedBy("We don't do BOI at all. What's open on the admin server?")).toContain("negation");
  });
});

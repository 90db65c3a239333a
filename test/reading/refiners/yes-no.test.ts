import { decidedBy, slots } from '../../helpers/reading';

// Yes/no questions, also asked the other way round; requests are not.
describe('The yes-no refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["is 8009 needed in non-BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi"],"ports":["8009"]}],
    ["can I close 1434 in exclusive BOI?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"ports":["1434"],"reversed":true}],
    ["can you show me the edge server ports in exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"]}],
    ["any UDP between the admin console and the admin server?", {"status":"answered","intent":"check","ask":"check","components":["admin-console","admin-server"],"transports":["udp"]}],
    ["we can kill the push install ports in exclusive BOI, right?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"services":["push-install"],"reversed":true}],
    ["8443 required for clients in exclusive BOI?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":["dlo-clients"],"ports":["8443"]}],
    ["security wants to block 139 to the SQL Server - ok for us? BOI exclusive", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":[">sql-server"],"ports":["139"],"reversed":true}],
    ["Which rules are there for push install of the agent?", {"status":"answered","intent":"component","ask":"rules","components":["dlo-clients"],"services":["push-install"]}],
    ["Need 443 inbound on the edge from the admin console? we're exclusive.", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":[">edge-server","admin-console>"],"direction":"in","ports":["443"]}],
    ["Hybrid setup (folks are in the office most days, at home on the others). Which rules exist between the Administration Server and the DLO Clients?", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi (described)"],"components":["admin-server","dlo-clients"]}],
    ["in exclusive BOI do the DLO clients go straight to the SQL server?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":["dlo-clients",">sql-server"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"is 8009 needed in non-BOI?\"", () => {
    expect(decidedBy("is 8009 needed in non-BOI?")).toContain("yes/no");
  });
});

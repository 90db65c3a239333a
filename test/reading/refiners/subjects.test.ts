import { decidedBy, slots } from '../../helpers/reading';

// The components the question names and the end of each flow they stand at.
describe('The subjects refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what does the admin console need to reach in exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["admin-console>"]}],
    ["what does the maintenance server need to the SQL server", {"status":"answered","intent":"pair","ask":"rules","components":["maintenance-server",">sql-server"]}],
    ["between the console and the edge in occasional BOI", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi"],"components":["admin-console","edge-server"]}],
    ["Which rules involve both the admin server and the DLO clients?", {"status":"answered","intent":"pair","ask":"rules","components":["admin-server","dlo-clients"]}],
    ["Pull up the rules relevant to the DLO Admin Server for exclusive BOI.", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["admin-server"]}],
    ["safe to block 90 on the edge server? we're occasional BOI", {"status":"answered","intent":"check","ask":"check","modes":["occasional-boi"],"components":[">edge-server"],"ports":["90"]}],
    ["can i remove 445 from the storage location in non boi", {"status":"answered","intent":"check","ask":"check","modes":["non-boi"],"components":["storage-location"],"ports":["445"],"reversed":true}],
    ["The IO server will go in the DMZ next to the edge server. Between those two, which ports?", {"status":"answered","intent":"pair","ask":"rules","components":["io-server","edge-server"]}],
    ["which ports are between the two storage locations", {"status":"answered","intent":"pair","ask":"rules","components":["storage-location","dedupe-storage-location"]}],
    ["Which ports do I need between the clients and both storage locations in occasional BOI?", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi"],"components":["dlo-clients","storage-location","dedupe-storage-location"]}],
    ["Admin server and SQL are on separate VLANs. Which TCP ports between them?", {"status":"answered","intent":"pair","ask":"rules","components":["admin-server","sql-server"],"transports":["tcp"]}],
    ["all UDP ports for DLO, need them for the ACL on the core switch", {"status":"answered","intent":"port","ask":"rules","transports":["udp"]}],
    ["Non-BOI: give me every destination the Administration Console talks to, with ports.", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["admin-console>"]}],
    ["Every rule where the web restore host or the DLO clients are the source, occasional BOI", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi"],"components":["web-restore-machine>","dlo-clients>"],"everything":true}],
    ["Is the admin server a file-sharing destination in non-BOI?", {"status":"answered","intent":"check","ask":"check","modes":["non-boi"],"components":[">admin-server"],"services":["file-sharing"]}],
    ["Hey, do the IO and dedupe servers talk to each other directly?", {"status":"answered","intent":"check","ask":"check","components":["io-server","dedupe-server"]}],
    ["Going from occasional to exclusive BOI, what happens to the flows to and from the DLO clients?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi","components":["dlo-clients"]}],
    ["What file sharing (SMB/NetBIOS) flows does DLO need for hybrid users?", {"status":"answered","intent":"service","ask":"rules","modes":["occasional-boi (described)"],"services":["file-sharing"]}],
    ["on which ports listens the Administration Server? We run occasional BOI.", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":[">admin-server"]}],
    ["does the dedupe server need to talk with the edge server in exclusive BOI?", {"status":"answered","intent":"check","ask":"check","modes":["exclusive-boi"],"components":["dedupe-server","edge-server"]}],
    ["what traffic goes out of the IO server", {"status":"answered","intent":"component","ask":"rules","components":["io-server>"]}],
    ["File share (SMB/NetBIOS) flows needed in non-BOI?", {"status":"answered","intent":"service","ask":"rules","modes":["non-boi"],"services":["file-sharing"]}],
    ["rules for the dedupe server (NOT the dedupe storage location), exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["dedupe-server"]}],
    ["rules for the DLO edge server (not the DLO clients)", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"],"exclusions":["component:dlo-clients"]}],
    ["inbound to the admin server, not counting the console, BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi","occasional-boi"],"components":[">admin-server"],"exclusions":["component:admin-console"]}],
    ["SQL server rules for DLO 9.9, occasional BOI, roughly 1200 endpoints", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["sql-server"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what does the admin console need to reach in exclusive BOI\"", () => {
    expect(decidedBy("what does the admin console need to reach in exclusive BOI")).toContain("subjects");
  });
});

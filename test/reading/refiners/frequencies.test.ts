import { decidedBy, slots } from '../../helpers/reading';

// How often the endpoints are where each fact says: frequency words, weekdays, days a week, some or all of them.
describe('The frequencies refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["What has to be open for the SQL Server, given our laptops go home now and then but are mostly on the office LAN?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["sql-server"]}],
    ["users here never leave the building, every desktop sits on the corporate LAN all the time. which ports does the dedupe server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["dedupe-server"]}],
    ["our PCs are always outside the company network, give me all rules", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi (described)"],"everything":true}],
    ["what ports do the clients need when they are always outside the corporate network?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["dlo-clients"]}],
    ["ports for laptops that only connect over the internet", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["dlo-clients"]}],
    ["all our users are remote, always. what does the dedupe storage location accept?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":[">dedupe-storage-location"]}],
    ["dedupe srv outbound, wfh mondays + tuesdays, office rest of the week", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["dedupe-server"],"direction":"out"}],
    ["what does the edge server need, wfh 2 days/week", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["edge-server"]}],
    ["We used to be fully remote, now everyone's back in the office 5 days. What firewall rules change?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > non-boi"}],
    ["half our staff are permanently remote, the other half never leave the office. which rules for the sql instance?", {"status":"clarify","intent":"help","reason":"conflicting-modes","ask":"rules","components":["sql-server"],"readings":["component: sql-server, exclusive-boi","component: sql-server, non-boi"]}],
    ["what needs 1434 udp, full remote workforce", {"status":"answered","intent":"port","ask":"rules","modes":["exclusive-boi (described)"],"ports":["1434"],"transports":["udp"]}],
    ["ok so the whole company went vpn-less, users only ever on home broadband. what does the admin server need", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["admin-server"]}],
    ["We went fully remote during the pandemic and we're never going back, nobody has an office anymore. what inbound ports does the edge server need open?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["edge-server"],"direction":"in"}],
    ["Sorry if this is a dumb question - what does the admin console need when everyone's remote?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["admin-console"]}],
    ["Every rule needed when all of our endpoints are permanently outside the corporate network and only ever connect over the internet", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi (described)"],"everything":true}],
    ["everyone's in the office Mon-Thu and works from home on Fridays. what needs 445?", {"status":"answered","intent":"port","ask":"rules","modes":["occasional-boi (described)"],"ports":["445"]}],
    ["please to tell which ports must be opened for the Edge Server, our users are working only from home and never come in office", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi (described)"],"components":["edge-server"]}],
    ["for windows file sharing (SMB/NetBIOS) in DLO which flows, endpoints always inside the company", {"status":"answered","intent":"service","ask":"rules","modes":["non-boi (described)"],"services":["file-sharing"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"What has to be open for the SQL Server, given our laptops go home now and then but are mostly on the office LAN?\"", () => {
    expect(decidedBy("What has to be open for the SQL Server, given our laptops go home now and then but are mostly on the office LAN?")).toContain("frequencies");
  });
});

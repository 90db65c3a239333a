import { decidedBy, slots } from '../../helpers/reading';

// Names of people, sites, cities and months cannot change which rules answer.
describe('The names-and-dates refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Hi, Priya from the Leeds site here - what ports does the dedupe server listen on in occasional BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":[">dedupe-server"]}],
    ["For the Frankfurt and Chennai offices (non-BOI), what's needed between the clients and the storage location?", {"status":"answered","intent":"pair","ask":"rules","modes":["non-boi"],"components":["dlo-clients","storage-location"]}],
    ["cc @Maria - which ports does the IO server need in exclusive BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["io-server"]}],
    ["Hey Dave, our Reading office is non-BOI. Ports for the maintenance server?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["maintenance-server"]}],
    ["Background: 3 IO servers in Frankfurt and Dublin. Which ports does the IO server need in occasional BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["io-server"]}],
    ["We go live with exclusive BOI in March. Full rule list please.", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"],"everything":true}],
    ["CHG0102234 Implementation of DLO for 2 400 laptops, sites Warsaw and Lisbon, endpoints are occasionally outside of the office. Need the full firewall matrix for this deployment.", {"status":"answered","intent":"mode","ask":"rules","modes":["occasional-boi (described)"],"everything":true}],
    ["Priya asked me to get the admin console rules. We don't do backup over internet at all, it's all on the LAN.", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (remaining)"],"components":["admin-console"]}],
    ["Our contractors have only ever worked over the internet; from May they'll be on site every day on the corporate LAN. What changes firewall-wise?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > non-boi"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Hi, Priya from the Leeds site here - what ports does the dedupe server listen on in occasional BOI?\"", () => {
    expect(decidedBy("Hi, Priya from the Leeds site here - what ports does the dedupe server listen on in occasional BOI?")).toContain("names and dates");
  });
});

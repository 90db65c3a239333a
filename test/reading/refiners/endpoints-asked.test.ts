import { decidedBy, slots } from '../../helpers/reading';

// The endpoints as the component asked about: the endpoints described, or the DLO Clients when nothing else is.
describe('The endpoints-asked refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Clients on the LAN: which ports do they need to reach the dedupe server in non-BOI?", {"status":"answered","intent":"pair","ask":"rules","modes":["non-boi (described)"],"components":["dedupe-server","dlo-clients>"]}],
    ["what do remote users need?", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"components":["dlo-clients"],"readings":["component: dlo-clients, exclusive-boi","component: dlo-clients, occasional-boi"]}],
    ["what ports do our laptops need to reach the edge server?", {"status":"answered","intent":"pair","ask":"rules","components":["dlo-clients>","edge-server"]}],
    ["What file sharing (SMB/NetBIOS) flows does DLO need for hybrid users?", {"status":"answered","intent":"service","ask":"rules","modes":["occasional-boi (described)"],"services":["file-sharing"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Clients on the LAN: which ports do they need to reach the dedupe server in non-BOI?\"", () => {
    expect(decidedBy("Clients on the LAN: which ports do they need to reach the dedupe server in non-BOI?")).toContain("endpoints asked");
  });
});

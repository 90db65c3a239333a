import { decidedBy, slots } from '../../helpers/reading';

// Services, protocols, transports and conditions, and what is left out of them.
describe('The selectors refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["UDP for the clients, apart from the SQL Browser, non BOI", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["dlo-clients"],"transports":["udp"],"exclusions":["service:sql-browser"]}],
    ["SMB ports in exclusive BOI", {"status":"answered","intent":"service","ask":"rules","modes":["exclusive-boi"],"services":["file-sharing"]}],
    ["which flows need named pipes?", {"status":"answered","intent":"service","ask":"rules","conditions":["named-pipes"]}],
    ["AJP ports", {"status":"answered","intent":"port","ask":"rules","protocols":["AJP"]}],
    ["what port does the dedupe server use for HTTPS", {"status":"answered","intent":"component","ask":"rules","components":["dedupe-server"],"protocols":["HTTPS"]}],
    ["TCP or UDP?", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","transports":["tcp","udp"],"fragment":true}],
    ["pls list all the TCP ports for exclusive BOI, the auditor wants them separate from UDP", {"status":"answered","intent":"port","ask":"rules","modes":["exclusive-boi"],"transports":["tcp"],"exclusions":["transport:udp"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"UDP for the clients, apart from the SQL Browser, non BOI\"", () => {
    expect(decidedBy("UDP for the clients, apart from the SQL Browser, non BOI")).toContain("selectors");
  });
});

import { decidedBy, slots } from '../../helpers/reading';

// Where the endpoints are picks the mode; where a server sits picks nothing.
describe('The deployment-facts refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Nobody here ever works off-site; all PCs are wired in the office. What does the admin server need?", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["admin-server"]}],
    ["what do remote users need?", {"status":"clarify","intent":"help","reason":"how-often","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"components":["dlo-clients"],"readings":["component: dlo-clients, exclusive-boi","component: dlo-clients, occasional-boi"]}],
    ["Everyone splits the week between home and the office. What does the web restore machine need?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["web-restore-machine"]}],
    ["SQL is on the internal LAN and the edge server is in the DMZ. What has to be allowed from the edge to SQL in occasional BOI?", {"status":"answered","intent":"pair","ask":"rules","modes":["occasional-boi"],"components":["edge-server>",">sql-server"]}],
    ["ports from the edge server to the LAN", {"status":"clarify","intent":"help","reason":"zone","ask":"rules","components":["edge-server>"],"place":"LAN"}],
    ["laptops connect over VPN from home. what does the edge server need?", {"status":"clarify","intent":"help","reason":"ambiguous-place","ask":"rules","modes":["exclusive-boi (described)","occasional-boi (described)"],"components":["edge-server"],"place":"over VPN"}],
    ["what does the edge server need? users are in the office mon-fri", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi (described)"],"components":["edge-server"]}],
    ["do the clients need 443 to the edge server in hybrid mode?", {"status":"answered","intent":"check","ask":"check","modes":["occasional-boi (described)"],"components":["dlo-clients",">edge-server"],"ports":["443"]}],
    ["What are the push install port requirements? We'd like to push the agent out instead of installing it by hand on every PC.", {"status":"answered","intent":"component","ask":"rules","components":[">dlo-clients"],"services":["push-install"]}],
    ["what does the DLO client agent need on the network?", {"status":"answered","intent":"component","ask":"rules","components":["dlo-clients"]}],
    ["Our DLO backups keep failing at the Ohio office and I think the firewall is dropping something. What should be open?", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","fragment":true}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Nobody here ever works off-site; all PCs are wired in the office. What does the admin server need?\"", () => {
    expect(decidedBy("Nobody here ever works off-site; all PCs are wired in the office. What does the admin server need?")).toContain("deployment facts");
  });
});

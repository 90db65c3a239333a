import { decidedBy, slots } from '../../helpers/reading';

// Topics the matrix does not hold, measures, and how-to questions, whatever component they name.
describe('The off-matrix-topics refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Which SQL Server versions can host the DLO database?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["sql-server"],"topic":"versions"}],
    ["How do I configure the dedupe server to listen on a different port?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"change","components":[">dedupe-server"],"topic":"How do I configure"}],
    ["roughly how long does a full backup take over BOI?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","modes":["exclusive-boi","occasional-boi"],"everything":true,"topic":"how long does"}],
    ["where does the admin server write its log files?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["admin-server"],"topic":"log files"}],
    ["Can DLO clients run on macOS?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["dlo-clients"],"topic":"macOS"}],
    ["install steps for the maintenance server pls", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["maintenance-server"],"topic":"install steps"}],
    ["can i put the edge box behind an f5 load balancer", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["edge-server"],"topic":"f5"}],
    ["How many clients can a single IO server handle in occasional BOI?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","modes":["occasional-boi"],"components":["io-server"],"topic":"How many clients"}],
    ["how do I open port 443 in Windows Defender Firewall on the edge server?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":[">edge-server"],"ports":["443"],"topic":"how do I open port 443 in Windows Defender Firewall"}],
    ["can the dedupe server run on the same box as the admin server or do I need separate VMs?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["dedupe-server","admin-server"],"topic":"separate VMs"}],
    ["Does the edge server need a public IP or can it sit behind NAT?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"check","components":["edge-server"],"topic":"public IP"}],
    ["SQL Express or full SQL Server for DLO - which should we use?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["sql-server"],"everything":true,"topic":"which should we use"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Which SQL Server versions can host the DLO database?\"", () => {
    expect(decidedBy("Which SQL Server versions can host the DLO database?")).toContain("off-matrix topics");
  });
});

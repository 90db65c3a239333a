import { decidedBy, slots } from '../../helpers/reading';

// A change told over time is a change from the first mode to the last.
describe('The time-frames refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Right now everybody works in the office. Starting next quarter, folks will be at home a couple of days a week. What does that mean for the firewall?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi"}],
    ["We used to be fully remote; now everyone's in the office all the time. What can be removed and what must be added?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > non-boi"}],
    ["After the merger our travelling staff, who come back to base between trips, will be office-only. Firewall changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["We're going from some-days-at-home to never-in-the-office. Firewall changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["We were office-only and soon we'll be remote-only. What changes for the dedupe storage location?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi","components":["dedupe-storage-location"]}],
    ["Next quarter the laptops will start going home a couple of days a week (today they never leave). What changes for the maintenance server?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi","components":["maintenance-server"]}],
    ["We're on occasional BOI today and dropping BOI entirely next month. Which rules change?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["Q2: every desktop is on the office LAN. Q3: the whole team goes remote for good, no office. What's the firewall delta?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi"}],
    ["Today: fully remote workforce. Plan: everyone back in the office for good, no remote work any more. What's the diff on the rules?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > non-boi"}],
    ["Our travelling sales reps back up over the internet while they're on the road, then over the LAN once they're back at HQ. Which rules involve the dedupe storage location?", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi (described)"],"components":["dedupe-storage-location"]}],
    ["We're on occasional BOI and want to drop the internet option completely so that everyone backs up on the LAN. What changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["Everyone's office-based today; next year the whole company goes remote-first and the office closes. What changes for the admin console?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi","components":["admin-console"]}],
    ["Our merger closes in March: the acquired company's staff, who today work exclusively remotely, will all move into our HQ and nobody will work from home anymore. What firewall changes does that mean for DLO?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > non-boi","reversed":true}],
    ["We had occasional BOI, now the company decides no more internet backup, everybody in the LAN. What rules become obsolete, and is anything new?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["Our laptops are now always on the corporate network; in next phase some of them go outside from time to time. What changes for the Edge Server?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi","components":["edge-server"]}],
    ["We're closing the office and everyone goes fully remote (right now we're occasional BOI). What changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["Today all 300 laptops sit on the LAN. From Q3 we go hybrid: people at home two days a week, office the rest. What has to change on the firewall?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi"}],
    ["Hybrid today; by summer the Leeds office closes for good and everyone is internet-only. What's the rule delta?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["Closing the London office in March, everybody goes fully remote for good. We're occasional BOI today. What changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
    ["The backup team plans to let office staff work from home now and then next year. Today nobody takes a laptop out of the building. What's new on the firewall for the edge server?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi","components":["edge-server"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Right now everybody works in the office. Starting next quarter, folks will be at home a couple of days a week. What does that mean for the firewall?\"", () => {
    expect(decidedBy("Right now everybody works in the office. Starting next quarter, folks will be at home a couple of days a week. What does that mean for the firewall?")).toContain("time frames");
  });
});

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
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"Right now everybody works in the office. Starting next quarter, folks will be at home a couple of days a week. What does that mean for the firewall?\"", () => {
    expect(decidedBy("Right now everybody works in the office. Starting next quarter, folks will be at home a couple of days a week. What does that mean for the firewall?")).toContain("time frames");
  });
});

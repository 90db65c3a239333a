import { decidedBy, slots } from '../../helpers/reading';

// Ports and ranges, those the matrix holds and those it does not.
describe('The port-numbers refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what uses 7000 to 7100", {"status":"answered","intent":"port","ask":"rules","ports":["7000-7100"]}],
    ["between 1400 and 1500", {"status":"answered","intent":"port","ask":"rules","ports":["1400-1500"]}],
    ["which DLO flows fall in the 7000s?", {"status":"answered","intent":"port","ask":"rules","ports":["7000-7999"]}],
    ["port 22", {"status":"unknown","intent":"help","reason":"foreign-port","ask":"rules","foreignPorts":["22"],"fragment":true}],
    ["what uses 443 and 3389", {"status":"unknown","intent":"help","reason":"foreign-port","ask":"rules","ports":["443"],"foreignPorts":["3389"]}],
    ["Besides 3999, what comes into the admin server in exclusive BOI?", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":[">admin-server"],"exclusions":["port:3999"]}],
    ["is 135-139 open from the console to the storage location?", {"status":"answered","intent":"check","ask":"check","components":["admin-console>",">storage-location"],"ports":["135-139"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what uses 7000 to 7100\"", () => {
    expect(decidedBy("what uses 7000 to 7100")).toContain("port numbers");
  });
});

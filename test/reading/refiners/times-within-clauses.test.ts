import { decidedBy, slots } from '../../helpers/reading';

// Times within a clause: each part joined by and, and before and after from ... to.
describe('The times-within-clauses refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what changes for the clients themselves when we move from on-prem only to hybrid (some days at home)?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi","components":["dlo-clients"]}],
    ["For the edge server, what changes when we go from hybrid (some days in the office) to fully remote with no office?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi","components":["edge-server"]}],
    ["We're on occasional BOI today and dropping BOI entirely next month. Which rules change?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["we were office-only and soon we'll be remote-only. what changes?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi"}],
    ["We're going from some days at home to never in the office. Firewall changes?", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > exclusive-boi"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what changes for the clients themselves when we move from on-prem only to hybrid (some days at home)?\"", () => {
    expect(decidedBy("what changes for the clients themselves when we move from on-prem only to hybrid (some days at home)?")).toContain("times within clauses");
  });
});

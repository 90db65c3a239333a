import { decidedBy, slots } from '../../helpers/reading';

// A change between the modes the question names.
describe('The named-change refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["exclusive BOI to occasional BOI: what's different?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > occasional-boi"}],
    ["what changes going from non-BOI to occasional BOI?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > occasional-boi"}],
    ["what changes compared to non-BOI if we go exclusive?", {"status":"answered","intent":"diff","ask":"change","change":"non-boi > exclusive-boi"}],
    ["compare all three modes for the edge server", {"status":"clarify","intent":"help","reason":"diff-needs-two-modes","ask":"change","components":["edge-server"]}],
    ["diff the rules: occasional boi vs non boi", {"status":"answered","intent":"diff","ask":"change","change":"occasional-boi > non-boi"}],
    ["difference between exclusive and occasional BOI rules?", {"status":"answered","intent":"diff","ask":"change","change":"exclusive-boi > occasional-boi"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"exclusive BOI to occasional BOI: what's different?\"", () => {
    expect(decidedBy("exclusive BOI to occasional BOI: what's different?")).toContain("named change");
  });
});

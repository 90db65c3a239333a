import { decidedBy, slots } from '../../helpers/reading';

// "the dedupe one" is the dedupe kind of the component named before.
describe('The one-anaphora refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["storage location rules (the plain one, not the dedupe one)", {"status":"answered","intent":"component","ask":"rules","components":["storage-location"]}],
    ["Which rules point at the regular storage location, not the dedupe storage one?", {"status":"answered","intent":"component","ask":"rules","components":[">storage-location"]}],
    ["the storage location, not the dedupe one, in exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["storage-location"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"storage location rules (the plain one, not the dedupe one)\"", () => {
    expect(decidedBy("storage location rules (the plain one, not the dedupe one)")).toContain("one anaphora");
  });
});

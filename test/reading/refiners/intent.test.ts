import { decidedBy, slots } from '../../helpers/reading';

// The decision, from the finished Query: answer, ask back or say it does not know.
describe('The intent refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["help", {"status":"answered","intent":"help","ask":"help"}],
    ["start over", {"status":"answered","intent":"help","ask":"none","fragment":true}],
    ["ports?", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","fragment":true}],
    ["which ports?", {"status":"clarify","intent":"help","reason":"nothing-selected","ask":"rules","fragment":true}],
    ["the entire port list", {"status":"answered","intent":"mode","ask":"rules","everything":true}],
    ["is anything needed?", {"status":"clarify","intent":"help","reason":"check-needs-subject","ask":"check","fragment":true}],
    ["show me exclusive BOI", {"status":"answered","intent":"mode","ask":"rules","modes":["exclusive-boi"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"help\"", () => {
    expect(decidedBy("help")).toContain("intent");
  });
});

import { decidedBy, slots } from '../../helpers/reading';

// What the question asks for, read from its head: versions, passwords, what a component does or is.
describe('The question-head refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["what does the edge server do?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["edge-server"],"topic":"what does the edge server do"}],
    ["what is the edge server?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["edge-server"],"topic":"what is the edge server"}],
    ["what's the weather in Paris?", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","topic":"the weather","fragment":true}],
    ["quick question: sever is dlo administration console", {"status":"unknown","intent":"help","reason":"off-matrix","ask":"rules","components":["admin-console"],"topic":"sever"}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"what does the edge server do?\"", () => {
    expect(decidedBy("what does the edge server do?")).toContain("question head");
  });
});

import { decidedBy, slots } from '../../helpers/reading';

// A component's port rows named as such ("the dedupe port rules"), not every flow of the component.
describe('The port-rows refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["What are the dedupe port rules when we're occasional BOI?", {"status":"answered","intent":"service","ask":"rules","modes":["occasional-boi"],"services":["dedupe-https","dedupe-http","dedupe-ajp"]}],
    ["IO Server port rules, all modes.", {"status":"answered","intent":"service","ask":"rules","services":["io-http","io-ajp"]}],
    ["edge server port 443 in exclusive", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"],"ports":["443"]}],
    ["IO server ports non boi", {"status":"answered","intent":"component","ask":"rules","modes":["non-boi"],"components":["io-server"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"What are the dedupe port rules when we're occasional BOI?\"", () => {
    expect(decidedBy("What are the dedupe port rules when we're occasional BOI?")).toContain("port rows");
  });
});

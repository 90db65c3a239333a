import { decidedBy, slots } from '../../helpers/reading';

// Inbound and outbound, said of the question as a whole.
describe('The direction refiner', () => {
  it.each<[string, Record<string, unknown>]>([
    ["inbound ports on the edge server in exclusive BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server"],"direction":"in"}],
    ["outbound ports of the IO server", {"status":"answered","intent":"component","ask":"rules","components":["io-server"],"direction":"out"}],
    ["ports for the edge server, inbound and outbound", {"status":"answered","intent":"component","ask":"rules","components":["edge-server"]}],
    ["egress rules for the SQL server", {"status":"answered","intent":"component","ask":"rules","components":["sql-server"],"direction":"out"}],
    ["ib on the edge srv for occasional pls", {"status":"answered","intent":"component","ask":"rules","modes":["occasional-boi"],"components":["edge-server"],"direction":"in"}],
    ["ob from the edge box, exclusive boi", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["edge-server>"],"direction":"out"}],
    ["What does the Edge Server call out to?", {"status":"answered","intent":"component","ask":"rules","components":["edge-server>"]}],
    ["which destinations does the IO server talk to? excl BOI", {"status":"answered","intent":"component","ask":"rules","modes":["exclusive-boi"],"components":["io-server>"]}],
  ])('reads %j as the exact Query', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it("decides \"inbound ports on the edge server in exclusive BOI\"", () => {
    expect(decidedBy("inbound ports on the edge server in exclusive BOI")).toContain("direction");
  });
});

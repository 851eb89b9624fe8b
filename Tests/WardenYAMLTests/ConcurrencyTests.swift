import Testing
import WardenValue
import WardenYAML

@Suite(.timeLimit(.minutes(5))) struct ConcurrencyTests {
    @Test func oneParserIsUsableFromManyTasksAtOnce() async throws {
        let parser = YAMLParser()
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<200 {
                group.addTask {
                    let text = "base: &b {n: \(i)}\nitem:\n  <<: *b\n  i: \(i)\n"
                    guard let doc = try? parser.parse(text: text, file: "f\(i).yaml").first,
                        let item = try? at(doc, "item")
                    else { return false }
                    let ok = (try? item.value) == .map(["n": .int(i), "i": .int(i)])
                    return ok && item.mark.file == "f\(i).yaml"
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 })
    }
}

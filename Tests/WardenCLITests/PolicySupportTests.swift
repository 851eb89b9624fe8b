import Testing
import WardenCLI
import WardenValue

@Suite("CLI support")
struct PolicySupportTests {
    @Test(arguments: [
        (["a,b", "c"], ["a", "b", "c"]),
        ([" a , b "], ["a", "b"]),
        ([",", ""], []),
        (["ns:p"], ["ns:p"]),
    ])
    func idListsSplitAtCommas(_ values: [String], _ expected: [String]) {
        #expect(IDList.split(values) == expected)
    }

    @Test func jsonArgumentsMustBeObjects() throws {
        #expect(try JSONArgument.object(#"{"a": [1, 2.5, "x", null, true]}"#) == ["a": [1, 2.5, "x", nil, true]])
        #expect(throws: JSONArgumentError.notAnObject(found: "list")) { try JSONArgument.object("[]") }
        #expect(throws: JSONArgumentError.notAnObject(found: "string")) { try JSONArgument.object(#""x""#) }
        #expect {
            try JSONArgument.object("{")
        } throws: { error in
            guard case .invalidJSON(let why)? = error as? JSONArgumentError else { return false }
            return why.hasPrefix("not valid JSON")
        }
    }

    @Test func jsonObjectsKeepTheirKeyOrderAndEscape() {
        var object = JSONObject()
        object.add("z", "quote \" and \n")
        object.add("a", ["b": 1, "a": 2])
        var nested = JSONObject()
        nested.add("k", .null)
        object.add("list", [nested, nested])
        #expect(object.text == #"{"z":"quote \" and \n","a":{"a":2,"b":1},"list":[{"k":null},{"k":null}]}"#)
        #expect(JSONObject.array([]) == "[]")
        #expect(JSONObject.array([nested, nested]) == "[\n  {\"k\":null},\n  {\"k\":null}\n]")
    }

    @Test func exitCodesFollowTheArchitecture() {
        #expect(WardenExitCode.success.rawValue == 0)
        #expect(WardenExitCode.failure.rawValue == 1)
        #expect(WardenExitCode.denied.rawValue == 2)
        #expect(WardenExitCode.invalidInput.rawValue == 3)
        #expect(WardenExitCode.denied.worst(.invalidInput) == .invalidInput)
        #expect(WardenExitCode.success.worst(.denied) == .denied)
        #expect(WardenExitCode.failure.worst(.success) == .failure)
    }

    @Test func bufferedStreamsRoundTripLines() {
        let output = BufferedOutput()
        output.line("one")
        output.write("two\n")
        #expect(output.lines == ["one", "two"])
        let input = BufferedLineInput("a\n\nb\n")
        let lines = [input.nextLine(), input.nextLine(), input.nextLine(), input.nextLine()]
        #expect(lines == [Array("a".utf8), [], Array("b".utf8), nil])
    }

    @Test func bufferedOutputTakesConcurrentWrites() async {
        let output = BufferedOutput()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for i in 0..<200 { output.line("\(task)-\(i)") }
                }
            }
        }
        let lines = output.lines
        #expect(lines.count == 16 * 200)
        #expect(Set(lines).count == 16 * 200)
    }
}

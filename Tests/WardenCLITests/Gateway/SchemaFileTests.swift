import Foundation
import Testing

@Suite("JSON Schemas", .timeLimit(.minutes(5)))
struct SchemaFileTests {
    @Test("the example policies and the conformance corpus validate against schemas/, invalid vectors do not")
    func examplesMatchTheSchemas() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/check-schemas.py", "."]
        process.currentDirectoryURL = WardenProcess.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Needs python3 with jsonschema and PyYAML (.ci/run installs them when missing).
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("0 problems"))
    }
}

import Foundation
import WardenYAML

/// Expands the paths given to the loader into the policy files to read.
enum PolicyFileFinder {
    /// Files as given, and for each directory its `*.yaml` / `*.yml` files found recursively,
    /// in sorted path order (byte-wise). Hidden files and directories (`.git`, `.github`) are
    /// skipped. Paths that do not exist are reported.
    static func files(in paths: [String]) -> (files: [String], diagnostics: [PolicyDiagnostic]) {
        var files: [String] = []
        var diagnostics: [PolicyDiagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    .error(.ioError, at: Mark(file: path, line: 1, column: 1), "no such file or directory `\(path)`",
                        hint: "check the path"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            collect(directory: path, into: &found, diagnostics: &diagnostics)
            files += found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        return (files, diagnostics)
    }

    private static func collect(directory: String, into found: inout [String], diagnostics: inout [PolicyDiagnostic]) {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            diagnostics.append(
                .error(.ioError, at: Mark(file: directory, line: 1, column: 1),
                    "cannot read directory `\(directory)`", hint: "check its permissions"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // Symbolic links to directories are not followed, so a link cycle cannot loop.
                let attributes = try? manager.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
                collect(directory: path, into: &found, diagnostics: &diagnostics)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append(path)
            }
        }
    }
}

import Foundation
import WardenYAML

/// Expands the paths given to the loader into the policy files to read (spec section 1).
///
/// - A path given explicitly is read whatever it is, unless it is a directory: a regular file
///   with any extension, a pipe, `/dev/stdin` or a process substitution (`<(...)`).
/// - A directory contributes its `*.yaml` / `*.yml` files found recursively, in sorted path
///   order (byte-wise). Hidden entries (`.git`, `.github`) are skipped. Symbolic links are
///   followed; a link leading back to a directory being read is a loop, reported as a warning
///   and not followed. Anything that is neither a regular file nor a directory (a FIFO, a
///   socket, a device) is skipped with a warning: reading it could block forever.
/// - Finding no policy file at all is an error unless `allowEmpty`: a path pointing at the
///   wrong folder must not pass as an empty, valid policy tree.
enum PolicyFileFinder {
    /// The files for `paths`, and every problem found on the way.
    static func files(in paths: [String], allowEmpty: Bool) -> PolicyFileList {
        var list = PolicyFileList()
        for path in paths {
            switch FileStatus.of(path, followingLinks: true) {
            case .failure(let error):
                list.diagnostics.append(explicitPathProblem(path, error))
            case .success(let status) where status.kind == .directory:
                var found: [String] = []
                collect(
                    directory: path, ancestors: [status.identity: path], into: &found, diagnostics: &list.diagnostics)
                list.files += found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            case .success:
                list.files.append(path)
            }
        }
        if list.files.isEmpty, !paths.isEmpty, !allowEmpty, !list.diagnostics.containsErrors {
            let named = paths.map { "`\($0)`" }.joined(separator: ", ")
            list.diagnostics.append(
                .error(
                    .noPolicyFiles, at: Mark(file: paths[0], line: 1, column: 1),
                    "no policy file found in \(named)",
                    hint: "check the path; policy files end in `.yaml` or `.yml` and hidden entries are skipped "
                        + "(`warden validate --allow-empty` accepts an empty tree)"))
        }
        return list
    }

    private static func explicitPathProblem(_ path: String, _ error: FileStatusError) -> PolicyDiagnostic {
        let mark = Mark(file: path, line: 1, column: 1)
        if error.isLoop {
            return .error(
                .symlinkLoop, at: mark, "symbolic link loop at `\(path)`",
                hint: "point the link at a real file or directory")
        }
        if error.isMissing {
            if case .success(let status) = FileStatus.of(path, followingLinks: false), status.kind == .symbolicLink {
                return .error(
                    .ioError, at: mark, "`\(path)` is a symbolic link to nothing",
                    hint: "point the link at a real file or directory")
            }
            return .error(.ioError, at: mark, "no such file or directory `\(path)`", hint: "check the path")
        }
        return .error(
            .ioError, at: mark, "cannot read `\(path)`: \(error.reason)", hint: "check the path and its permissions")
    }

    /// Adds the policy files under `directory`; `ancestors` maps the identity of every directory
    /// being read (this one included) to the path it was reached by.
    private static func collect(
        directory: String, ancestors: [FileStatus.Identity: String], into found: inout [String],
        diagnostics: inout [PolicyDiagnostic]
    ) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying.map { ": " + FileStatusError(code: Int32($0.code)).reason } ?? ""
            diagnostics.append(
                .error(
                    .ioError, at: Mark(file: directory, line: 1, column: 1),
                    "cannot read directory `\(directory)`\(reason)", hint: "check its permissions"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let mark = Mark(file: path, line: 1, column: 1)
            guard case .success(let entry) = FileStatus.of(path, followingLinks: false) else { continue }
            var target = entry
            if entry.kind == .symbolicLink {
                switch FileStatus.of(path, followingLinks: true) {
                case .success(let resolved):
                    target = resolved
                case .failure(let error) where error.isLoop:
                    diagnostics.append(
                        .warning(
                            .symlinkLoop, at: mark, "symbolic link loop at `\(path)`; not followed",
                            hint: "point the link at a real file or directory, or remove it"))
                    continue
                case .failure:
                    if isPolicyFileName(name) {
                        diagnostics.append(
                            .warning(
                                .ioError, at: mark, "`\(path)` is a symbolic link to nothing; skipped",
                                hint: "point the link at a real file, or remove it"))
                    }
                    continue
                }
            }
            switch target.kind {
            case .directory:
                if let first = ancestors[target.identity] {
                    diagnostics.append(
                        .warning(
                            .symlinkLoop, at: mark,
                            "symbolic link loop: `\(path)` leads back to `\(first)`, which is being read; not followed",
                            hint: "point the link somewhere outside the tree, or remove it"))
                    continue
                }
                var inner = ancestors
                inner[target.identity] = path
                collect(directory: path, ancestors: inner, into: &found, diagnostics: &diagnostics)
            case .regular:
                if isPolicyFileName(name) { found.append(path) }
            case .special(let what):
                diagnostics.append(
                    .warning(
                        .skippedSpecialFile, at: mark, "`\(path)` is \(what), not a regular file; skipped",
                        hint: "reading it could block; give it as an explicit path to read it, or remove it"))
            case .symbolicLink:
                continue  // `stat` resolves links; a link cannot be the target
            }
        }
    }

    private static func isPolicyFileName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }
}

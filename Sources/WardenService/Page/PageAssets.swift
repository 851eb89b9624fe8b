import Foundation

/// The files of the audit review page (HTML, CSS, JavaScript), kept in the repository under
/// `Sources/WardenService/Resources/page` and copied by SwiftPM into the resource bundle beside
/// the `warden` executable. They are read once; a request can only name a file that is there.
struct PageAssets: Sendable {
    /// One file: its bytes and its media type.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// The files by name (`index.html`, `app.js`, ...).
    let files: [String: Asset]

    /// The page's files, read from the resource bundle on first use (empty when it is missing).
    static let bundled = PageAssets(directory: ServiceResources.locate("page"))

    /// Reads the files of `directory` (none when it is `nil`).
    init(directory: URL?) {
        var files: [String: Asset] = [:]
        if let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for name in names where Self.isPlainName(name) {
                guard let type = Self.contentType(of: name),
                    let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                else { continue }
                files[name] = Asset(bytes: Array(data), contentType: type)
            }
        }
        self.files = files
    }

    /// Whether `name` is a plain file name of letters, digits, `-`, `_` and one or more `.`
    /// (never a path).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            }
    }

    /// The media type served for `name`, by its extension; `nil` for kinds the page does not use.
    static func contentType(of name: String) -> String? {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return nil
    }
}

/// The modules the Lua host provides to `require` (a `modules` list naming others is a warning).
public enum ProvidedModules {
    /// The module names.
    public static let names: Set<String> = ["time", "json", "uuid", "ctx", "os"]
}

type Status = "ok" | "error"
export type Config = {name: string, retries?: number, tags: {string}}

local function load<T: Named>(path: string, ...: any): (Config?, error?)
    local n: number = 0
    for i: integer, v: string in ipairs({"a", "b"}) do n = n + i end
    local cfg = decode(path) :: Config
    return cfg!, nil
end

local f: (number) -> number = function(x: number): number return x * 2 end

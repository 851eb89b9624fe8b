-- Adds 2 and 3 to the counter, prints the total, tries to stop the counter (the policies
-- refuse), and exits with the total as its status.
local time = require("time")
local greet = require("greet")

local function main()
    while not process.registry.lookup("app.counter") do time.sleep("10ms") end
    process.send("app.counter", "add", 2)
    process.send("app.counter", "add", 3)
    process.send("app.counter", "get")
    local msg = process.inbox():receive()
    local total = msg:payload():data()
    print(greet.hello("cli") .. ": total " .. total)
    local stopped, err = process.terminate("app.counter")
    if stopped then return 99 end
    print("terminate refused: " .. err:kind())
    return total
end

return {main = main}

local tests = {}

function tests.greeting()
    local greet = require("greet")
    assert(greet.hello("x") == "hello, x", "unexpected greeting")
end

function tests.arithmetic()
    assert(2 + 2 == 4)
    return true
end

-- Fails on purpose: `warden run --test` reports it with its location.
function tests.failing()
    error("expected 5, got 4")
end

return tests

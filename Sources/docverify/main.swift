import CLI

// Before anything else: a crash must end the process at once, never hang in the backtracer.
CrashGuard.install()
await DocverifyCommand.entry()

import CLI

await DocverifyCommand.entry()

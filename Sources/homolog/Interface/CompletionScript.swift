import Foundation

/// Shell completion scripts generated from the commands' option tables.
enum CompletionScript {
  enum Shell: String, CaseIterable {
    case bash
    case zsh
    case fish
  }

  static func script(_ shell: Shell, commands: [any Command.Type]) -> String {
    switch shell {
    case .bash: bash(commands)
    case .zsh: zsh(commands)
    case .fish: fish(commands)
    }
  }

  /// A short description: the help up to its first clause, without characters the shells quote.
  static func short(_ help: String) -> String {
    var text = help
    for stop in ["; ", " (", ": "] { if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) } }
    // A French apostrophe (`l'aide`) becomes a typographic one rather than vanishing inside the shells' quotes.
    text = String(text.replacingOccurrences(of: "'", with: "’").filter { !"[]:\"`$\\".contains($0) }).trimmingCharacters(in: .whitespaces)
    return text.count > 70 ? String(text.prefix(69)) + "…" : text
  }

  private static func options(_ command: any Command.Type) -> [Option] { Option.all(command.options) }

  // MARK: bash

  private static func bash(_ commands: [any Command.Type]) -> String {
    let names = (commands.map { $0.name } + ["help"]).joined(separator: " ")
    var text = """
      # bash completion for homolog; load it with: source <(homolog completion bash)
      _homolog() {
        local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
        COMPREPLY=()
        if [ "$COMP_CWORD" -eq 1 ]; then
          COMPREPLY=($(compgen -W "\(names) --help --version" -- "$cur"))
          return 0
        fi
        case "${COMP_WORDS[1]}" in
          help) COMPREPLY=($(compgen -W "\(names)" -- "$cur")) ;;

      """
    for command in commands {
      let all = options(command)
      text += "    \(command.name))\n      case \"$prev\" in\n"
      for option in all where option.value != nil {
        let action: String
        switch option.completion {
        case .none: action = "return 0"
        case .file: action = "COMPREPLY=($(compgen -f -- \"$cur\")); return 0"
        case .directory: action = "COMPREPLY=($(compgen -d -- \"$cur\")); return 0"
        case .choices(let words): action = "COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")); return 0"
        }
        text += "        \(option.name)) \(action) ;;\n"
      }
      text += "      esac\n"
      let optionWords = (all.map(\.name) + ["-h"]).joined(separator: " ")
      text += "      if [[ \"$cur\" == -* ]]; then\n        COMPREPLY=($(compgen -W \"\(optionWords)\" -- \"$cur\"))\n"
      if !command.actions.isEmpty {
        text += "      elif [ \"$COMP_CWORD\" -eq 2 ]; then\n        COMPREPLY=($(compgen -W \"\(command.actions.joined(separator: " "))\" -- \"$cur\"))\n"
      }
      text += "      else\n        COMPREPLY=($(compgen -f -- \"$cur\"))\n      fi\n      ;;\n"
    }
    text += "  esac\n  return 0\n}\ncomplete -o filenames -F _homolog homolog\n"
    return text
  }

  // MARK: zsh

  private static func zsh(_ commands: [any Command.Type]) -> String {
    var text = """
      #compdef homolog
      # zsh completion for homolog; load it with: source <(homolog completion zsh)
      _homolog() {
        local -a commands
        commands=(

      """
    for command in commands { text += "    '\(command.name):\(short(command.summary))'\n" }
    text += "    'help:\(short(Terminal.text("help.command.help")))'\n  )\n"
    text += "  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n"
    text += "  shift words\n  (( CURRENT-- ))\n  case $words[1] in\n    help) _describe 'command' commands ;;\n"
    for command in commands {
      var specs: [String] = []
      for option in options(command) {
        let star = option.repeatable ? "*" : ""
        var spec = "'\(star)\(option.name)[\(short(option.help(in: command.name)))]"
        if let placeholder = option.value {
          let action: String
          switch option.completion {
          case .none: action = " "
          case .file: action = "_files"
          case .directory: action = "_files -/"
          case .choices(let words): action = "(\(words.joined(separator: " ")))"
          }
          spec += ":\(placeholder.filter { $0 != ":" }):\(action)"
        }
        specs.append(spec + "'")
      }
      specs.append(command.actions.isEmpty ? "'*:file:_files'" : "'1:action:(\(command.actions.joined(separator: " ")))' '*:file:_files'")
      text += "    \(command.name)) _arguments \\\n      " + specs.joined(separator: " \\\n      ") + " ;;\n"
    }
    text += "  esac\n}\nif [ \"$funcstack[1]\" = \"_homolog\" ]; then _homolog \"$@\"; else compdef _homolog homolog; fi\n"
    return text
  }

  // MARK: fish

  private static func fish(_ commands: [any Command.Type]) -> String {
    var text = "# fish completion for homolog; load it with: homolog completion fish | source\ncomplete -c homolog -f\n"
    for command in commands {
      text += "complete -c homolog -n __fish_use_subcommand -a \(command.name) -d '\(short(command.summary))'\n"
    }
    text += "complete -c homolog -n __fish_use_subcommand -a help -d '\(short(Terminal.text("help.command.help")))'\n"
    // `homolog help <TAB>`: the commands, as the only word after help.
    let afterHelp = "-n '__fish_seen_subcommand_from help; and test (count (commandline -opc)) -eq 2'"
    for command in commands {
      text += "complete -c homolog \(afterHelp) -a \(command.name) -d '\(short(command.summary))'\n"
    }
    for command in commands {
      let condition = "-n '__fish_seen_subcommand_from \(command.name)'"
      for option in options(command) {
        var line = "complete -c homolog \(condition) -l \(option.name.dropFirst(2))"
        if option.value != nil {
          switch option.completion {
          case .none: line += " -x"
          case .file: line += " -r -F"
          case .directory: line += " -x -a '(__fish_complete_directories)'"
          case .choices(let words): line += " -x -a '\(words.joined(separator: " "))'"
          }
        }
        text += line + " -d '\(short(option.help(in: command.name)))'\n"
      }
      if !command.actions.isEmpty {
        text += "complete -c homolog \(condition) -a '\(command.actions.joined(separator: " "))'\n"
      } else if command.name != "evaluate" && command.name != "init" && command.name != "checks" && command.name != "formats" {
        text += "complete -c homolog \(condition) -F\n"
      }
    }
    return text
  }
}

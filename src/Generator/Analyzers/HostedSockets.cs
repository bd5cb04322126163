using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// What one type's analysis learns about the sockets it hands to a <c>LifelineSocketHost</c>: the disconnect records
/// set on each (anywhere in the type, whatever the order: order is LFL0205's), whether it escaped to code the analysis
/// does not follow, and the hosts created over it. A ROUTER or PEER socket that never gets a disconnect record, or
/// gets only records its handler takes none of, never runs the handler's <c>OnPeerDisconnected</c> (LFL0308).
/// </summary>
internal sealed class HostedSockets
{
    private readonly Dictionary<SyntaxNode, Facts> _created = new();
    private readonly Dictionary<ISymbol, Facts> _members = new(SymbolEqualityComparer.Default);
    private readonly List<Site> _sites = new();

    /// <summary>A disconnect message was set on a socket the analysis cannot name: nothing is reported for the type.</summary>
    private bool _unattributed;

    /// <summary>A disconnect message set on <paramref name="sockets"/>: a record, or raw bytes (<paramref name="record"/> null).</summary>
    public void DisconnectSet(IEnumerable<SocketValue> sockets, ITypeSymbol? record)
    {
        foreach (var socket in sockets)
        {
            if (FactsOf(socket.Socket) is { } facts)
            {
                if (record is null)
                {
                    facts.Untyped = true;
                }
                else
                {
                    facts.Records.Add(record);
                }
            }
            else if (socket.Socket.Kind == ObjectKind.Opaque || socket.Socket.Path is { Root: not (IParameterSymbol or null) })
            {
                _unattributed = true;
            }
        }
    }

    /// <summary>The sockets bind or connect: only then can a peer come and go.</summary>
    public void Attached(IEnumerable<SocketValue> sockets)
    {
        foreach (var socket in sockets)
        {
            if (FactsOf(socket.Socket) is { } facts)
            {
                facts.Attached = true;
            }
        }
    }

    /// <summary>The sockets went where the analysis does not follow (another type's method, a collection, a lambda).</summary>
    public void Escaped(IEnumerable<SocketValue> sockets)
    {
        foreach (var socket in sockets)
        {
            if (FactsOf(socket.Socket) is { } facts)
            {
                facts.Escaped = true;
            }
        }
    }

    /// <summary>
    /// Sockets are kept in a field or property of the type, where its other methods reach them. A member is known only
    /// when every socket stored in it was created in the type, and only when it is private: code outside the type may
    /// set options through a member it can see.
    /// </summary>
    public void Stored(IEnumerable<SocketValue> sockets, ISymbol member)
    {
        var kept = FactsOf(member);
        foreach (var socket in sockets)
        {
            if (socket.Socket.Kind == ObjectKind.Created && FactsOf(socket.Socket) is { } facts)
            {
                facts.Aliases.Add(kept);
                kept.Aliases.Add(facts);
                kept.Created = true;
                facts.Escaped |= member.DeclaredAccessibility != Accessibility.Private;
            }
            else if (!ReferenceEquals(FactsOf(socket.Socket), kept))
            {
                kept.Escaped = true;
            }
        }
    }

    public void Hosted(IEnumerable<SocketValue> sockets, HostedHandler handler, Location location, string socketText, bool routed) =>
        _sites.Add(new Site(sockets.Where(s => !s.IsOptions).Select(s => s.Socket).Distinct().ToList(), handler, location, socketText, routed));

    public void Report(Reports reports)
    {
        if (_unattributed)
        {
            return;
        }

        foreach (var site in _sites)
        {
            if (!site.Routed || site.Handler.DisconnectHandlers.IsEmpty || site.Sockets.Count == 0)
            {
                continue;
            }

            var records = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var known = true;
            var attached = false;
            foreach (var socket in site.Sockets)
            {
                var seen = new HashSet<Facts>();
                if (FactsOf(socket) is not { } facts || !facts.Collect(records, seen))
                {
                    known = false;
                    break;
                }

                attached |= seen.Any(f => f.Attached);
            }

            // A socket that never binds or connects here has no peers to lose (a test of the host itself).
            if (!known || !attached)
            {
                continue;
            }

            if (site.Handler.CheckDisconnects(records, site.Location, $"'{site.SocketText}' never gets a disconnect message", $"the disconnect message of '{site.SocketText}' is", record => $"call {site.SocketText}.SetDisconnectMessage({record}) before it binds or connects") is { } diagnostic)
            {
                reports.Add(diagnostic);
            }
        }
    }

    private Facts? FactsOf(SocketObject socket) => socket.Kind switch
    {
        ObjectKind.Created when socket.Site is { } site => _created.TryGetValue(site, out var facts) ? facts : _created[site] = new Facts(),
        ObjectKind.External when socket.Path?.TypeMember is { } member => FactsOf(member),
        _ => null,
    };

    private Facts FactsOf(ISymbol member)
    {
        if (!_members.TryGetValue(member, out var facts))
        {
            // Until a creation is stored in it, a member holds a socket from somewhere else.
            _members[member] = facts = new Facts { Created = false };
        }

        return facts;
    }

    private sealed class Facts
    {
        public HashSet<ITypeSymbol> Records { get; } = new(SymbolEqualityComparer.Default);

        public bool Untyped { get; set; }

        public bool Escaped { get; set; }

        public bool Attached { get; set; }

        /// <summary>Whether the socket is one the type created; a member is, once a creation is stored in it.</summary>
        public bool Created { get; set; } = true;

        /// <summary>The same socket under another name: the creation and the members it was stored in.</summary>
        public List<Facts> Aliases { get; } = new();

        /// <summary>Adds the records of this socket and its aliases; false when any of them may have got others.</summary>
        public bool Collect(HashSet<ITypeSymbol> records, HashSet<Facts> seen)
        {
            if (!seen.Add(this))
            {
                return true;
            }

            if (Untyped || Escaped || !Created)
            {
                return false;
            }

            records.UnionWith(Records);
            return Aliases.All(a => a.Collect(records, seen));
        }
    }

    private sealed class Site
    {
        public Site(List<SocketObject> sockets, HostedHandler handler, Location location, string socketText, bool routed)
        {
            Sockets = sockets;
            Handler = handler;
            Location = location;
            SocketText = socketText;
            Routed = routed;
        }

        public List<SocketObject> Sockets { get; }

        public HostedHandler Handler { get; }

        public Location Location { get; }

        public string SocketText { get; }

        public bool Routed { get; }
    }
}

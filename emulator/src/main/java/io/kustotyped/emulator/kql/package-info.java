/**
 * The emulator's management commands and query subset: {@code POST /v1/rest/mgmt}, {@code /v1/rest/query} and
 * {@code /v2/rest/query}, entered through {@link io.kustotyped.emulator.kql.KqlService}.
 *
 * <p>Pipeline: {@code KqlLexer} (text → tokens, every string-literal form of docs/kusto-rules.md §3.2 and bracket-quoted
 * names of §5.2) → {@code CommandParser} / {@code QueryParser} (tokens → {@code Command} / {@code Query} records) →
 * {@code CommandExecutor} (with {@code MappingCommands}, {@code PolicyCommands}) / {@code QueryExecutor} (with
 * {@code ExprCompiler}, {@code Literals}, {@code Functions}, {@code Aggregates}) → {@code V1Writer} /
 * {@code V2Writer} (docs/kusto-rules.md §6.2 / §6.3). {@code QueryParser} builds on {@code ExprParser}.
 *
 * <h2>Management commands</h2>
 * <ul>
 *   <li>{@code .create database D volatile|persist [ifnotexists]}, {@code .drop database D [ifexists]},
 *       {@code .show databases}, {@code .show version}</li>
 *   <li>{@code .create|.create-merge|.alter-merge table T (col:type, ...) [with (docstring="..", folder="..")]},
 *       {@code .alter table T folder|docstring ".."}, {@code .drop table T [ifexists]}, {@code .show tables},
 *       {@code .show table T cslschema|kqlschema|schema as json}; results {@code (TableName, Schema, DatabaseName,
 *       Folder, DocString)}</li>
 *   <li>{@code .create|.create-or-alter|.alter table|database X ingestion json|csv mapping "N" '<json>'},
 *       {@code .show table|database X ingestion [json|csv] mappings}, {@code ... ingestion json mapping "N"},
 *       {@code .drop table|database X ingestion json|csv mapping "N"}; results {@code (Name, Kind, Mapping,
 *       LastUpdatedOn, Database[, Table])}</li>
 *   <li>{@code .alter[-merge] table|database X policy streamingingestion enable|disable|'<json>'},
 *       {@code .delete ... policy streamingingestion}, {@code .show table|database X policy streamingingestion};
 *       results {@code (PolicyName, EntityName, Policy, ChildEntities, EntityType)}</li>
 *   <li>{@code .clear table T cache streamingingestion schema}, {@code .clear database cache streamingingestion
 *       schema}; result {@code (NodeId, Status)}</li>
 * </ul>
 * Any other command is a 400 {@code BadRequest_SyntaxError} whose message lists the commands above.
 *
 * <h2>Queries</h2>
 * {@code [set option[=value];]... Table [| operator]...} with the operators {@code count}, {@code take N} /
 * {@code limit N}, {@code where}, {@code project col, alias = expr}, {@code extend alias = expr}, {@code order by} / {@code sort by} (default
 * {@code desc}; {@code asc}, {@code nulls first|last}), {@code top N by}, {@code summarize [name =] agg, ...
 * [by col, alias = col]} with {@code count()}, {@code countif()}, {@code dcount()}, {@code min()}, {@code max()},
 * {@code sum()}, {@code avg()}; {@code distinct}, {@code getschema}. Expressions: columns, literals (strings in every form, {@code long} and
 * {@code real} numbers, {@code true}/{@code false}, timespans such as {@code 1d}/{@code 30m}/{@code 100ms},
 * {@code datetime(..)}, {@code timespan(..)}, {@code guid(..)}, {@code int(null)} and the other typed literals),
 * comparisons {@code == != <> < > <= >=}, {@code =~ !~} (strings, case-insensitive), {@code contains},
 * {@code startswith}, {@code endswith}, {@code has} (case-insensitive; {@code _cs} and {@code !} forms),
 * {@code in (...)} / {@code !in (...)}, {@code and}, {@code or},
 * unary minus, and the functions {@code now()}, {@code ago(timespan)}, {@code bin(x, size)} (numbers, datetimes,
 * timespans), the conversions {@code tostring()}, {@code toint()}, {@code tolong()}, {@code todouble()},
 * {@code todecimal()}, {@code tobool()}, {@code todatetime()}, {@code totimespan()}, {@code toguid()} (null when a
 * value does not convert), {@code not()}, {@code isnull()}, {@code isnotnull()}, {@code isempty()},
 * {@code isnotempty()}; dynamic values are read with {@code d.k}, {@code d['k']} and {@code d[0]} ({@code project d.k}
 * names the column {@code d_k}). Kusto's null rules apply (a comparison with null is null; {@code where} keeps true rows).
 * Text outside the subset is 400 {@code BadRequest_SyntaxError} saying what is supported; an unknown table or
 * column or a type mismatch is 400 {@code General_BadRequest} naming it.
 */
package io.kustotyped.emulator.kql;

using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Territory paths are searched by prefix (<c>TerritoryPath.StartsWith(path)</c>: everything at or under a
/// territory). EF Core turns that into a <c>LIKE</c>, which SQLite matches against every row (its case-insensitive
/// <c>LIKE</c> cannot use the path's index), and which PostgreSQL can search an index with only when the pattern is
/// known at planning and the column compares by bytes. This gives the same prefix as a range of the column's values
/// instead, which every plan can search: in byte order the range holds exactly the values that start with the prefix
/// (but for a continuation at U+10FFFF, which no path has). It applies where the column compares by bytes: every
/// column on SQLite, and a column with the "C" collation on PostgreSQL (<c>appeals.TerritoryPath</c>, M0017); any other
/// prefix search is left as it is.
/// It is for counts and for pages of a scope known to be small, not a rewrite of every query: given the range, both
/// databases may search the path index for an ordered page and then sort the whole scope, where the page's <c>LIKE</c>
/// lets them walk the inbox's ordered index and stop after 50 rows (ADR 0016, ADR 0066).
/// </summary>
public static class PathRanges
{
    // Above every character a path can continue with, in byte (UTF-8) order.
    private const string AfterEverything = "\U0010FFFF";

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    /// <summary>The query with every prefix search of a column that compares by bytes given as a range; any other left as it is.</summary>
    public static IQueryable<T> WithPathRanges<T>(this IQueryable<T> query, DbContext db) =>
        query.Provider.CreateQuery<T>(new Ranges(db.Database.IsSqlite(), db.Model).Visit(query.Expression));

    /// <summary>
    /// Declares a column compared by bytes on PostgreSQL: its collation is "C", and <see cref="WithPathRanges{T}"/> gives
    /// its prefix searches as ranges there. (EF Core keeps a column's collation for migrations only, not in the model a
    /// query reads, so the mark is an annotation of its own.)
    /// </summary>
    public static PropertyBuilder<string> ComparedByBytes(this PropertyBuilder<string> property) =>
        property.UseCollation(BytewiseCollation).HasAnnotation(BytewiseAnnotation, true);

    /// <summary>The collation of a column compared by bytes on PostgreSQL.</summary>
    public const string BytewiseCollation = "C";

    private const string BytewiseAnnotation = "Mahalla:ComparedByBytes";

    /// <summary>
    /// Prefix searches as ranges, of the columns that compare by bytes: every text column on SQLite (<paramref name="everyColumn"/>:
    /// none declares another collation), the marked ones elsewhere (only PostgreSQL's are marked).
    /// </summary>
    private sealed class Ranges(bool everyColumn, IModel model) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != StartsWith || node.Object is not MemberExpression column || RowDependent.In(node.Arguments[0]) || !ComparesByBytes(column))
            {
                return base.VisitMethodCall(node);
            }

            // column >= prefix  AND  column < prefix || U+10FFFF. No LIKE beside it: every value in the range starts
            // with the prefix, and matching each against the pattern too cost more than the count itself (ADR 0016).
            var prefix = node.Arguments[0];
            var upper = Expression.Call(Concat, prefix, Expression.Constant(AfterEverything));
            var zero = Expression.Constant(0);
            return Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(Compare, column, prefix), zero),
                Expression.LessThan(Expression.Call(Compare, column, upper), zero));
        }

        private bool ComparesByBytes(MemberExpression column) =>
            everyColumn
            || (column.Expression is { } owner && model.FindEntityType(owner.Type)?.FindProperty(column.Member.Name)?.FindAnnotation(BytewiseAnnotation)?.Value is true);
    }

    /// <summary>Whether an expression reads a row (a lambda's parameter): such a prefix is not a value the index can search for.</summary>
    private sealed class RowDependent : ExpressionVisitor
    {
        private bool _found;

        public static bool In(Expression expression)
        {
            var visitor = new RowDependent();
            visitor.Visit(expression);
            return visitor._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found = true;
            return node;
        }
    }
}

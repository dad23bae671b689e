using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Territory paths are searched by prefix (<c>TerritoryPath.StartsWith(path)</c>: everything at or under a
/// territory). SQLite turns that into a <c>LIKE</c> that it matches against every row, because its
/// case-insensitive <c>LIKE</c> cannot use the path's index. On SQLite this gives the same prefix as a range of
/// the column's values instead, which the index can search: in SQLite's binary order the range holds exactly the
/// values that start with the prefix (but for a continuation at U+10FFFF, which no path has).
/// It is for counts and other unordered reads, not a rewrite of every query: given the range, SQLite searches the
/// path index for an ordered page too and then sorts the whole scope, where the page's <c>LIKE</c> lets it walk
/// the inbox's ordered index and stop after 50 rows (ADR 0016).
/// </summary>
public static class PathRanges
{
    // Above every character a path can continue with, in SQLite's binary (UTF-8) order.
    private const string AfterEverything = "\U0010FFFF";

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    /// <summary>The query with every prefix search of a column given as a range, on SQLite; unchanged elsewhere.</summary>
    public static IQueryable<T> WithPathRanges<T>(this IQueryable<T> query, DbContext db) =>
        db.Database.IsSqlite() ? query.Provider.CreateQuery<T>(new Ranges().Visit(query.Expression)) : query;

    private sealed class Ranges : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != StartsWith || node.Object is not MemberExpression column || RowDependent.In(node.Arguments[0]))
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

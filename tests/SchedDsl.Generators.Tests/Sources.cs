namespace SchedDsl.Generators.Tests;

/// <summary>User code shared by the tests.</summary>
internal static class Sources
{
    /// <summary>A user's own optimizer built like TorchSharp's: nested Options and ParamGroup, a ParamGroups property.</summary>
    public const string UserOptimizer = """
        using System.Collections.Generic;
        using System.Linq;

        namespace My.Optim;

        public class OptionsBase
        {
            public double? LearningRate { get; set; }
            public double InitialLearningRate { get; set; }
        }

        public class GroupBase
        {
            public OptionsBase Options { get; set; } = new Lion.Options();
        }

        public class Lion
        {
            public sealed class Options : OptionsBase
            {
                public double? beta1;
                public double? beta2;
                public double? weight_decay;
                public bool? maximize;
                public readonly double? ignored_readonly;
                public double? Clip { get; init; }
            }

            public sealed class ParamGroup : GroupBase
            {
            }

            private readonly List<GroupBase> groups;

            public Lion(int groupCount) => groups = Enumerable.Range(0, groupCount).Select(_ => (GroupBase)new ParamGroup()).ToList();

            public IEnumerable<GroupBase> ParamGroups => groups;

            public Options Group(int i) => (Options)groups[i].Options;
        }
        """;

    public const string DeclaredScheduler = """
        using SchedDsl;
        using SchedDsl.Generation;

        namespace My.App;

        [HyperScheduler]
        public partial record TrainingSchedule
        {
            public required Sched LearningRate { get; init; }
            public Sched? Momentum { get; init; }
            [HyperParam(Name = "sqr_mom")]
            public Sched? Beta2 { get; init; }
            public int Epochs { get; init; }
        }
        """;

    public const string LionScheduler = """
        using SchedDsl;
        using SchedDsl.Generation;

        namespace My.App;

        [OptimizerScheduler(typeof(My.Optim.Lion))]
        public sealed partial class LionSchedule
        {
        }
        """;

    public const string SgdScheduler = """
        using SchedDsl.Generation;
        using TorchSharp.Modules;

        namespace My.App;

        public static partial class Schedules
        {
            [OptimizerScheduler(typeof(SGD))]
            public partial class Sgd
            {
            }
        }
        """;

    /// <summary>Schedules written as text on static partial properties, one nested in a generic type.</summary>
    public const string SchedTexts = """
        using SchedDsl;
        using SchedDsl.Generation;

        namespace My.App;

        public static partial class Recipes
        {
            /// <summary>fastai's fine-tuning learning rate.</summary>
            [SchedText("one_cycle(slice(1e-4, 1e-2), pct_start=0.3)")]
            public static partial Sched Lr { get; }

            [SchedText(@"combine([0.3, 0.7],
                [lin(0, [1, 2]), -0])", Groups = 2)]
            internal static partial Sched Warmup { get; }

            public partial class Nested<T>
            {
                [SchedText("sgdr(slice_v1(3e-3), 3, cycle_mult=1)")]
                public static partial Sched? Restarts { get; }
            }
        }
        """;
}

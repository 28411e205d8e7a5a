using System;
using System.Collections.Generic;
using System.Text;

namespace ExpressionTransform
{
    public class ExpressionOutput
    {
        public int TeamsManagedOutput { get; set; }
        public float SquareRootOutput { get; set; }
        public string ToLowerOutput { get; set; }
    }
}

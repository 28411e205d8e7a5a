using System;
using System.Collections.Generic;
using System.Text;

namespace CustomTransform
{
    public class MappingOutput
    {
        public bool IsWeekend { get; set; }
    }
}
